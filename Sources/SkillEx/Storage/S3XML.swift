public import Foundation

/// The parts of S3's XML answers SkillEx reads: ListObjectsV2 pages, errors, upload ids.
public enum S3XML {
    /// One page of a ListObjectsV2 answer.
    public struct ListPage: Sendable, Equatable {
        /// Objects on this page (keys as stored, with the prefix).
        public var objects: [StoredObject]
        /// Token for the next page when the listing is truncated.
        public var continuationToken: String?
    }

    /// An S3 `<Error>` body.
    public struct ErrorBody: Sendable, Equatable {
        /// `NoSuchKey`, `SignatureDoesNotMatch`…
        public var code: String
        /// The service's message.
        public var message: String
    }

    /// Parses a `ListBucketResult`; throws when the body is not one.
    public static func listPage(_ data: Data) throws(StorageError) -> ListPage {
        guard let root = Node.parse(data), root.name == "ListBucketResult" else {
            throw .service(operation: "ListObjectsV2", status: 200, code: "MalformedXML", message: "not a ListBucketResult")
        }
        var objects: [StoredObject] = []
        for item in root.children where item.name == "Contents" {
            guard let key = item.child("Key")?.text else { continue }
            let size = Int64(item.child("Size")?.text ?? "") ?? 0
            let sha = item.child("ChecksumSHA256").flatMap { Base64Hex.hex(fromBase64: $0.text) }
            objects.append(StoredObject(key: key, size: size, sha256: sha))
        }
        let truncated = root.child("IsTruncated")?.text == "true"
        let token = truncated ? root.child("NextContinuationToken")?.text : nil
        return ListPage(objects: objects, continuationToken: token)
    }

    /// Parses an `<Error>` body; nil when there is none.
    public static func error(_ data: Data) -> ErrorBody? {
        guard let root = Node.parse(data), root.name == "Error" else { return nil }
        return ErrorBody(code: root.child("Code")?.text ?? "", message: root.child("Message")?.text ?? "")
    }

    /// The `UploadId` of an `InitiateMultipartUploadResult`.
    public static func uploadID(_ data: Data) -> String? {
        guard let root = Node.parse(data), root.name == "InitiateMultipartUploadResult" else { return nil }
        return root.child("UploadId")?.text
    }

    /// A minimal element tree (namespaces dropped).
    final class Node {
        let name: String
        var text = ""
        var children: [Node] = []

        init(name: String) { self.name = name }

        func child(_ name: String) -> Node? { children.first { $0.name == name } }

        /// The document's root element; nil for malformed XML. Element names are local (any
        /// namespace prefix dropped); `text` is the element's own character data, unchanged.
        static func parse(_ data: Data) -> Node? {
            var root: Node?
            var stack: [Node] = []
            do throws(XMLReadError) {
                try XMLReader.read(data) { event throws(XMLReadError) in
                    switch event {
                    case .start(let name, _, _):
                        let node = Node(name: name)
                        if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
                        stack.append(node)
                    case .text(let text):
                        stack.last?.text += text
                    case .end:
                        _ = stack.popLast()
                    }
                }
            } catch {
                return nil
            }
            return root
        }
    }
}

/// Converts between S3's base64 checksums and SkillEx's hex digests.
public enum Base64Hex {
    /// Hex of the bytes `base64` encodes; nil when it is not base64.
    public static func hex(fromBase64 base64: String) -> String? {
        Data(base64Encoded: base64).map { Digest.hex(Array($0)) }
    }

    /// Base64 of the bytes `hex` spells; nil when it is not even-length hex.
    public static func base64(fromHex hex: String) -> String? {
        var bytes: [UInt8] = []
        var chars = hex.makeIterator()
        while let high = chars.next() {
            guard let low = chars.next(), let h = high.hexDigitValue, let l = low.hexDigitValue else { return nil }
            bytes.append(UInt8(h * 16 + l))
        }
        return Data(bytes).base64EncodedString()
    }
}
