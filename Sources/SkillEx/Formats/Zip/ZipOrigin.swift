import Foundation

/// Where an entry copied from another archive lies in that file: its local header and stored
/// bytes, one after the other. When the header a writer would write is byte for byte the one
/// there, the writer copies the whole span with `sendfile` (in the kernel, runs of neighbouring
/// entries at once) instead of through user memory: a new pack that keeps most of the previous
/// one's entries is mostly such runs.
struct ZipOrigin: Sendable {
    /// The archive, open for reading.
    var file: ZipSourceFile
    /// Offset of the local header in the file.
    var offset: Int
    /// The local header as it is in the file (a view of the mapped archive).
    var header: Data
    /// The header's and the stored bytes' length together.
    var length: Int
}

/// An archive open for reading by descriptor, closed when the last entry copied from it is gone.
final class ZipSourceFile: Sendable {
    let descriptor: Int32

    /// The file at `path`, or nil when it cannot be opened.
    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { return nil }
    }

    deinit { close(descriptor) }
}
