import Foundation

extension S3Storage {
    /// Part size actually used: the configured size, at least S3's 5 MiB minimum.
    var effectivePartSize: Int64 { max(5 << 20, min(config.partSize, config.multipartThreshold)) }

    /// CreateMultipartUpload, UploadPart for each slice, CompleteMultipartUpload; aborts the
    /// upload when a part fails so no orphaned parts are billed.
    func putMultipart(key: String, file: URL, size: Int64, sha256: String, contentType: String) async throws {
        let created = try await perform(
            "CreateMultipartUpload", method: "POST", key: key, query: [("uploads", "")],
            headers: ["content-type": contentType, "x-amz-meta-sha256": sha256])
        guard let uploadID = S3XML.uploadID(created.body) else {
            throw StorageError.service(
                operation: "CreateMultipartUpload \(location)/\(key)", status: created.status,
                code: "MalformedXML", message: "no UploadId in the answer")
        }
        do {
            let partSize = effectivePartSize
            let count = Int((size + partSize - 1) / partSize)
            let etags = try await ConcurrentWork.map(Array(1...max(1, count)), limit: 4) { number in
                let offset = Int64(number - 1) * partSize
                let chunk = try Self.readSlice(file, offset: offset, length: Int(min(partSize, size - offset)))
                let response = try await self.perform(
                    "UploadPart", method: "PUT", key: key,
                    query: [("partNumber", String(number)), ("uploadId", uploadID)], body: chunk)
                self.stats.record { $0.uploads += 1 }
                return response.headers["etag"] ?? ""
            }
            let parts = etags.enumerated().map { index, etag in
                "<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(Self.xmlEscape(etag))</ETag></Part>"
            }.joined()
            let body = Data("<CompleteMultipartUpload>\(parts)</CompleteMultipartUpload>".utf8)
            let completed = try await perform(
                "CompleteMultipartUpload", method: "POST", key: key, query: [("uploadId", uploadID)],
                headers: ["content-type": "application/xml"], body: body)
            if let error = S3XML.error(completed.body) {
                throw StorageError.service(
                    operation: "CompleteMultipartUpload \(location)/\(key)", status: 200, code: error.code,
                    message: error.message)
            }
        } catch {
            _ = try? await perform("AbortMultipartUpload", method: "DELETE", key: key, query: [("uploadId", uploadID)])
            throw error
        }
    }

    /// `length` bytes of `file` from `offset`; throws when the file is shorter.
    static func readSlice(_ file: URL, offset: Int64, length: Int) throws -> Data {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: file) } catch {
            throw StorageError.local("\(file.path): \(ErrorText.brief(error))")
        }
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let chunk = try handle.read(upToCount: length) ?? Data()
        guard chunk.count == length else { throw StorageError.local("\(file.path): changed while uploading") }
        return chunk
    }

    /// `&`, `<`, `>`, quotes escaped for an XML text node.
    static func xmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
