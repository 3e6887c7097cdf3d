import Foundation

/// The one writer of stderr: a status line (progress) drawn at the bottom, and whole lines
/// printed above it. A line is written by erasing the status line, writing the line, then
/// drawing the status line again, so log lines and progress never print over each other.
final class StatusLine: @unchecked Sendable {
    /// The process's stderr.
    static let shared = StatusLine { FileHandle.standardError.write(Data($0.utf8)) }

    private let lock = NSLock()
    private var status: String?
    private let erase = "\r\u{1B}[2K"
    private let write: @Sendable (String) -> Void

    /// A status line writing through `write`.
    init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Draws `text` as the status line, replacing the previous one.
    func show(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        status = text
        write(erase + text)
    }

    /// Erases the status line.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if status != nil { write(erase) }
        status = nil
    }

    /// Writes `line` and a line feed above the status line.
    func printLine(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let status else { return write(line + "\n") }
        write(erase + line + "\n" + status)
    }
}
