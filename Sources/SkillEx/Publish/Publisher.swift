import Foundation

/// Mirrors `dist/` (and the published metadata) to a storage, idempotently, index last.
public struct Publisher: Sendable {
    /// Where to publish.
    public let storage: any Storage
    /// The hub.
    public let workspace: Workspace
    /// Uploads in flight at once.
    public var concurrency = 8

    /// A publisher for `workspace` into `storage`.
    public init(storage: any Storage, workspace: Workspace) {
        self.storage = storage
        self.workspace = workspace
    }

    /// Plans and (unless `dryRun`) uploads; then sends the `published` event through
    /// `dispatcher` when something was uploaded. Throws only for bad local input; remote
    /// failures come back as a report with status `failed`.
    public func publish(
        manifest: Manifest, dryRun: Bool, dispatcher: WebhookDispatcher?
    ) async throws(StorageError) -> PublishReport {
        let dist = try DistContents.read(workspace.distURL)
        var items = dist.items.filter { $0.key != PublishMetadata.key }
        let metadataFile = workspace.stateURL.appendingPathComponent("publish/\(PublishMetadata.key)")
        do {
            let data = try PublishMetadata.document(manifest: manifest, index: dist.index, items: dist.items)
            if !dryRun { try AtomicFile.write(data, to: metadataFile) }
            items.append(.init(key: PublishMetadata.key, file: metadataFile, size: Int64(data.count),
                               sha256: Digest.sha256Hex(data)))
        } catch { throw .local("\(metadataFile.path): \(ErrorText.brief(error))") }
        // index.json goes last so no reader sees an index naming a missing object.
        items.sort { a, b in
            let (ai, bi) = (a.key == DistContents.indexKey, b.key == DistContents.indexKey)
            return ai == bi ? a.key < b.key : bi
        }
        var report = PublishReport(
            status: .ok, location: storage.location, dryRun: dryRun, latest: dist.index.latest, objects: [],
            uploaded: 0, unchanged: 0, bytesUploaded: 0, transfer: .init(), webhooks: [])
        do {
            let pending = try await plan(items)
            report.objects = items.map {
                PublishReport.Object(key: $0.key, size: $0.size, sha256: $0.sha256,
                                     action: pending.contains($0.key) ? (dryRun ? "would_upload" : "not_uploaded") : "unchanged")
            }
            if !dryRun {
                let uploads = items.filter { pending.contains($0.key) }
                try await upload(uploads.filter { $0.key != DistContents.indexKey }, report: &report)
                try await upload(uploads.filter { $0.key == DistContents.indexKey }, report: &report)
            }
        } catch {
            report.status = .failed
            report.error = ErrorText.brief(error)
        }
        let moved = report.objects.filter { $0.action == "uploaded" || $0.action == "would_upload" }
        report.uploaded = moved.count
        report.unchanged = report.objects.filter { $0.action == "unchanged" }.count
        report.bytesUploaded = moved.reduce(0) { $0 + $1.size }
        report.transfer = storage.stats.snapshot
        if let dispatcher, !dryRun, report.status == .ok, report.uploaded > 0 {
            report.webhooks = await dispatcher.deliver(event: "published", payload: payload(report, dist.index))
        }
        return report
    }

    /// Keys that must be uploaded: absent remotely, a different size, or a different SHA-256.
    func plan(_ items: [DistContents.Item]) async throws -> Set<String> {
        let remote = Dictionary(
            try await storage.list(prefix: "").map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let candidates = items.filter { remote[$0.key]?.size == $0.size }
        var pending = Set(items.filter { remote[$0.key]?.size != $0.size }.map(\.key))
        let heads = try await ConcurrentWork.map(candidates, limit: concurrency) { item in
            (item.key, try await storage.head(key: item.key)?.sha256 == item.sha256)
        }
        for (key, same) in heads where !same { pending.insert(key) }
        return pending
    }

    /// Uploads `items` with bounded concurrency, marking each uploaded in `report`.
    func upload(_ items: [DistContents.Item], report: inout PublishReport) async throws {
        let done = try await ConcurrentWork.map(items, limit: concurrency) { item in
            try await storage.put(
                key: item.key, file: item.file, size: item.size, sha256: item.sha256,
                contentType: Self.contentType(item.key))
            return item.key
        }
        let keys = Set(done)
        for index in report.objects.indices where keys.contains(report.objects[index].key) {
            report.objects[index].action = "uploaded"
        }
    }

    /// The `published` event's payload.
    func payload(_ report: PublishReport, _ index: DistIndex) -> JSONValue {
        .object([
            "location": .string(report.location),
            "latest": report.latest.map(JSONValue.string) ?? .null,
            "versions": .array(index.versions.map { .string($0.version) }),
            "uploaded": .array(report.objects.filter { $0.action == "uploaded" }.map {
                .object(["key": .string($0.key), "size": .int($0.size), "sha256": .string($0.sha256)])
            }),
            "summary": .string("published \(report.latest ?? "dist") to \(report.location) (\(report.uploaded) objects)"),
        ])
    }

    /// MIME type by extension.
    static func contentType(_ key: String) -> String {
        if key.hasSuffix(".zip") { return "application/zip" }
        if key.hasSuffix(".json") { return "application/json" }
        if key.hasSuffix("SHA256SUMS") || key.hasSuffix(".txt") { return "text/plain; charset=utf-8" }
        return "application/octet-stream"
    }
}
