public import Foundation

/// `.skillex/deliveries.jsonl`: every webhook attempt, appended one JSON line at a time.
public struct DeliveryLog: Sendable {
    /// The log file.
    public let url: URL

    /// The log in the workspace's state folder.
    public init(workspace: Workspace) {
        url = workspace.stateURL.appendingPathComponent("deliveries.jsonl")
    }

    /// Appends `record` as one line (a single `write` with O_APPEND, so lines never interleave).
    public func append(_ record: DeliveryRecord) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let line = Data((try JSONWriter.line(record) + "\n").utf8)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw StorageError.local("\(url.path): cannot open for appending") }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written != line.count { throw StorageError.local("\(url.path): short write") }
    }

    /// Every record, skipping lines that do not parse.
    public func records() -> [DeliveryRecord] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? decoder.decodeChecked(DeliveryRecord.self, from: Data($0))
        }
    }

    /// The attempts of delivery `id`, oldest first.
    public func attempts(of id: String) -> [DeliveryRecord] {
        records().filter { $0.delivery == id }
    }
}
