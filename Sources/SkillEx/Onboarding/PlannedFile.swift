public import Foundation

/// One file `skillex init` would write, with what is there now.
public struct PlannedFile: Sendable, Equatable {
    /// What happens to the file.
    public enum Action: String, Sendable, Codable {
        /// It does not exist yet.
        case create
        /// Init wrote it before and nobody changed it, or it gains init's section.
        case update
        /// It already holds exactly what init would write.
        case unchanged
        /// A person changed it (or wrote it): replaced only when they agree.
        case conflict
    }

    /// The path shown to people: relative to the repository (the manifest: as given).
    public var path: String
    /// Where it is.
    public var url: URL
    /// What happens to it.
    public var action: Action
    /// Its text now, if it exists.
    public var old: String?
    /// Its text after init.
    public var new: String
    /// Whether it is written executable (0755).
    public var executable: Bool = false
    /// Why it is a conflict, or what else to know.
    public var note: String?
    /// Its key in the ledger (nil for the manifest, which init never tracks).
    public var ledgerKey: String?
    /// The hash of the part init owns in `new` (the whole file, or its marked section).
    public var ownedHash: String?

    /// The unified diff from `old` to `new` (empty when equal or new).
    public var diff: String { LineDiff.unified(old: old ?? "", new: new, path: path) }
}
