public import Foundation
import SkillExSite

extension SiteFuzzEntryPoints {
    /// Bytes a client sends to `skillex serve`, read as the server reads them (whole, and in
    /// 7-byte pieces, at the real 8 KiB limit and at 64 bytes) and answered from a folder that
    /// does not exist. **Checks** that the pieces give the same outcome as the whole, that a
    /// parsed path is visible ASCII starting with `/`, and that no segment the answer would open
    /// is empty, hidden, or holds a `/` or a control character.
    public static func serveRequest(_ data: Data) throws(FuzzViolation) {
        for limit in [8192, 64] {
            var whole = RequestHeadReader(limit: limit)
            let outcome = whole.feed(data)
            var pieces = RequestHeadReader(limit: limit)
            var pieced: RequestHeadReader.Outcome?
            var start = data.startIndex
            while pieced == nil, start < data.endIndex {
                pieced = pieces.feed(data[start..<min(start + 7, data.endIndex)])
                start += 7
            }
            guard pieced == outcome else {
                throw FuzzViolation(harness: "serve-request", detail: "limit \(limit): whole \(String(describing: outcome)), in pieces \(String(describing: pieced))")
            }
            guard case .head(let head)? = outcome else { continue }
            guard head.path.hasPrefix("/"), head.path.utf8.allSatisfy({ (33...126).contains($0) }) else {
                throw FuzzViolation(harness: "serve-request", detail: "parsed path \(head.path.debugDescription)")
            }
            for segment in PreviewResponder.segments(head.path) ?? []
            where segment.isEmpty || segment.hasPrefix(".") || segment.contains("/")
                || segment.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 })
            {
                throw FuzzViolation(harness: "serve-request", detail: "segment \(segment.debugDescription) of \(head.path)")
            }
            _ = PreviewResponder(folder: URL(fileURLWithPath: "/nonexistent-skillex-fuzz")).respond(to: head, version: 1)
        }
    }
}
