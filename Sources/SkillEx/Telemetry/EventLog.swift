public import Foundation

/// The append-only JSONL event log `.skillex/events.jsonl`, rotated by size into
/// `events.jsonl.1` (newest) … `events.jsonl.N` (oldest). Appends from concurrent processes
/// never interleave: each takes an exclusive `flock` on `events.lock` and writes its whole line
/// to an `O_APPEND` descriptor.
public struct EventLog: Sendable {
    /// The folder holding the log (`.skillex/`).
    public let folder: URL
    private let livePath: String
    private let lockPath: String
    /// Size after which the live file is rotated before the next append.
    public var maxBytes: Int64
    /// How many rotated files are kept.
    public var keptFiles: Int

    /// The log in `folder`; 64 MiB per file, 8 rotated files kept by default.
    public init(folder: URL, maxBytes: Int64 = 64 << 20, keptFiles: Int = 8) {
        self.folder = folder
        self.livePath = folder.appendingPathComponent("events.jsonl").path
        self.lockPath = folder.appendingPathComponent("events.lock").path
        self.maxBytes = maxBytes
        self.keptFiles = max(1, keptFiles)
    }

    /// The live file.
    public var url: URL { folder.appendingPathComponent("events.jsonl") }

    /// Every file of the log, oldest first (rotated files, then the live one), that exists.
    public var files: [URL] {
        let rotated = (1...keptFiles).reversed().map { rotatedURL($0) }
        return (rotated + [url]).filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Appends one event as one line; rotates first when the live file is full.
    public func append(_ event: Event) throws {
        try append(lines: [EventLineWriter.line(event)])
    }

    /// Appends pre-encoded JSON lines (no newlines inside) in one locked write.
    public func append(lines: [String]) throws {
        guard !lines.isEmpty else { return }
        var lockFD = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        if lockFD < 0, errno == ENOENT {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            lockFD = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        }
        guard lockFD >= 0 else { throw EventLogError.io(path: folder.path, code: errno) }
        defer { close(lockFD) }
        while flock(lockFD, LOCK_EX) != 0 {
            if errno != EINTR { throw EventLogError.io(path: folder.path, code: errno) }
        }
        defer { flock(lockFD, LOCK_UN) }
        var payload = Array(lines.joined(separator: "\n").utf8)
        payload.append(UInt8(ascii: "\n"))
        var fd = try openLive()
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        if size > 0, Int64(size) + Int64(payload.count) > maxBytes {
            close(fd)
            try rotate()
            fd = try openLive()
        } else if size > 0, !endsWithNewline(fd, size: size) {
            // A torn line from a killed writer: end it so this line stays whole.
            payload.insert(UInt8(ascii: "\n"), at: 0)
        }
        try payload.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw EventLogError.io(path: livePath, code: errno)
                }
                offset += written
            }
        }
    }

    /// Streams every event in the log, oldest first. Lines that do not parse (a torn last line
    /// after a kill) are skipped and passed to `skipped` with their file and line number.
    public func read(
        skipped: (URL, Int) -> Void = { _, _ in }, _ body: (Event) throws -> Void
    ) throws {
        for file in files {
            var number = 0
            try LineReader.forEachLine(in: file) { line in
                number += 1
                guard !line.isEmpty else { return }
                if let event = EventLineParser.parse(line) { try body(event) } else { skipped(file, number) }
            }
        }
    }

    // MARK: - Files

    private func rotatedURL(_ index: Int) -> URL {
        folder.appendingPathComponent("events.jsonl.\(index)")
    }

    private func openLive() throws -> Int32 {
        let fd = open(livePath, O_CREAT | O_RDWR | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw EventLogError.io(path: livePath, code: errno) }
        return fd
    }

    /// Shifts `.N-1` → `.N` … and the live file → `.1`; the oldest beyond `keptFiles` is dropped.
    private func rotate() throws {
        let fm = FileManager.default
        try? fm.removeItem(at: rotatedURL(keptFiles))
        for index in stride(from: keptFiles - 1, through: 1, by: -1)
        where fm.fileExists(atPath: rotatedURL(index).path) {
            try AtomicFile.replace(rotatedURL(index + 1), with: rotatedURL(index))
        }
        try AtomicFile.replace(rotatedURL(1), with: url)
    }

    private func endsWithNewline(_ fd: Int32, size: off_t) -> Bool {
        var last: UInt8 = 0
        return pread(fd, &last, 1, size - 1) == 1 && last == UInt8(ascii: "\n")
    }
}

/// A failure reading or writing the event log.
public enum EventLogError: DescribedError {
    /// A system call failed on `path`.
    case io(path: String, code: Int32)

    /// One line naming the file.
    public var description: String {
        switch self {
        case .io(let path, let code): "\(path): \(String(cString: strerror(code)))"
        }
    }
}
