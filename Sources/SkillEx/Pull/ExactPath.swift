/// A path compared by its exact UTF-8 bytes. `String` equality is canonical equivalence (NFC
/// `café` equals NFD `café`), but a Linux file system stores bytes: two names a `Set<String>`
/// calls one are two different files on disk, so pull's checks of which entry belongs where
/// compare `ExactPath`s.
struct ExactPath: Hashable, Sendable {
    /// The path's UTF-8 bytes.
    let bytes: [UInt8]

    /// The exact bytes of `path`.
    init(_ path: some StringProtocol) { bytes = Array(path.utf8) }
}
