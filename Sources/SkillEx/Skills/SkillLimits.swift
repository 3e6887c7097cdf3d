/// Bounds on one skill's files, so a hostile skill cannot exhaust memory, disk, time or file
/// descriptors. Set in the manifest's `limits` section; absent fields keep the defaults.
///
/// ```json
/// "limits": { "max_file_bytes": 67108864, "max_files": 10000, "max_depth": 32,
///             "max_skill_md_bytes": 1048576 }
/// ```
public struct SkillLimits: Sendable, Equatable, Codable {
    /// Largest single file, in bytes (default 64 MiB).
    public var maxFileBytes: Int64
    /// Most files in one skill (default 10,000).
    public var maxFiles: Int
    /// Deepest folder nesting inside a skill (default 32; the skill folder itself is depth 0).
    public var maxDepth: Int
    /// Largest SKILL.md (default 1 MiB): it is parsed, linted and rendered, so it gets a far
    /// smaller bound than other files (the spec asks for under 500 lines).
    public var maxSkillFileBytes: Int64

    /// The defaults: 64 MiB per file, 10,000 files, 32 levels, 1 MiB of SKILL.md.
    public static let standard = SkillLimits(maxFileBytes: 64 << 20, maxFiles: 10_000, maxDepth: 32)

    /// Limits with the given bounds.
    public init(maxFileBytes: Int64, maxFiles: Int, maxDepth: Int, maxSkillFileBytes: Int64 = 1 << 20) {
        self.maxFileBytes = maxFileBytes
        self.maxFiles = maxFiles
        self.maxDepth = maxDepth
        self.maxSkillFileBytes = maxSkillFileBytes
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case maxFileBytes = "max_file_bytes", maxFiles = "max_files", maxDepth = "max_depth"
        case maxSkillFileBytes = "max_skill_md_bytes"
    }

    /// Decodes a `limits` section; missing fields take the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let standard = Self.standard
        maxFileBytes = try container.decodeIfPresent(Int64.self, forKey: .maxFileBytes) ?? standard.maxFileBytes
        maxFiles = try container.decodeIfPresent(Int.self, forKey: .maxFiles) ?? standard.maxFiles
        maxDepth = try container.decodeIfPresent(Int.self, forKey: .maxDepth) ?? standard.maxDepth
        maxSkillFileBytes =
            try container.decodeIfPresent(Int64.self, forKey: .maxSkillFileBytes) ?? standard.maxSkillFileBytes
    }

    /// The manifest's `limits` section, or the defaults when it has none.
    public static func of(_ manifest: Manifest) throws(ManifestLimitsError) -> SkillLimits {
        try checkFields(manifest.extra.values["limits"])
        let limits: SkillLimits?
        do { limits = try manifest.extra.decode(SkillLimits.self, key: "limits") } catch {
            throw ManifestLimitsError(reason: reason(error))
        }
        guard let limits else { return .standard }
        let bounds: [(CodingKeys, Int64)] = [
            (.maxFileBytes, limits.maxFileBytes), (.maxFiles, Int64(limits.maxFiles)),
            (.maxDepth, Int64(limits.maxDepth)), (.maxSkillFileBytes, limits.maxSkillFileBytes),
        ]
        if let (key, value) = bounds.first(where: { $0.1 <= 0 }) {
            throw ManifestLimitsError(reason: "limits.\(key.rawValue): \(value) is not a positive whole number")
        }
        return limits
    }
}

extension SkillLimits {
    /// Each field present must be a positive whole number: the error names the first that is not.
    private static func checkFields(_ section: JSONValue?) throws(ManifestLimitsError) {
        guard let section else { return }
        guard case .object(let fields) = section else {
            throw ManifestLimitsError(reason: "limits: must be an object of limits")
        }
        for key in CodingKeys.allCases {
            guard let value = fields[key.rawValue] else { continue }
            switch value {
            case .int(let number) where number > 0: continue
            case .double(let number) where number > 0 && number == number.rounded() && number < 0x1p62: continue
            case .int(let number):
                throw ManifestLimitsError(reason: "limits.\(key.rawValue): \(number) is not a positive whole number")
            default:
                throw ManifestLimitsError(reason: "limits.\(key.rawValue): must be a positive whole number")
            }
        }
    }

    /// A decoding failure as `field: problem`, naming the field whatever went wrong with it.
    private static func reason(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "limits: " + ErrorText.brief(error) }
        let context: DecodingError.Context
        switch decoding {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(_, let c): context = c
        @unknown default: return "limits: " + ErrorText.decoding(error)
        }
        guard let key = context.codingPath.last(where: { $0.intValue == nil })?.stringValue,
            CodingKeys(rawValue: key) != nil
        else {
            return context.codingPath.isEmpty
                ? "limits: must be an object of limits" : "limits: " + ErrorText.decoding(error)
        }
        return "limits.\(key): must be a positive whole number"
    }
}

/// The manifest's `limits` section cannot be read.
public struct ManifestLimitsError: DescribedError, Equatable {
    /// What is wrong, starting with the field (`limits.max_files: …`).
    public var reason: String
    /// One line.
    public var description: String { "manifest.json: \(reason)" }
}
