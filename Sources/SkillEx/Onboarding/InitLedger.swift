public import Foundation

/// What `skillex init` wrote into a repository: a SHA-256 per file (for a marked section, of the
/// section), kept in `.skillex/init.json` in the repository. A file whose bytes still hash to the
/// recorded value is init's to update; anything else was edited by a person and is left alone
/// unless they agree to replace it.
public struct InitLedger: Sendable, Equatable, Codable {
    /// The ledger's path inside the repository.
    public static let path = ".skillex/init.json"

    /// The ledger's format.
    public var format = 1
    /// Repository-relative path → SHA-256 (hex) of what init last wrote there.
    public var files: [String: String] = [:]

    /// An empty ledger.
    public init() {}

    /// The ledger of `repository`, empty when it has none.
    public static func load(repository: URL) throws(OnboardingError) -> InitLedger {
        let url = try RepositoryFile.resolve(path, in: repository)
        guard let data = try RepositoryFile.read(url, naming: path) else { return InitLedger() }
        do { return try JSONDecoder().decodeChecked(InitLedger.self, from: data) } catch {
            throw .unreadable(path: url.path, reason: ErrorText.decoding(error))
        }
    }

    /// The bytes written to `.skillex/init.json`.
    public func encoded() throws(OnboardingError) -> Data {
        do { return try JSONWriter.data(self) } catch {
            throw .unwritable(path: Self.path, reason: ErrorText.brief(error))
        }
    }

    /// The hex SHA-256 of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> String { Digest.sha256Hex(Data(text.utf8)) }
}
