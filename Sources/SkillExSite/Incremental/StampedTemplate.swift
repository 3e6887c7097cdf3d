public import Foundation

/// A page that differs from build to build only by the build time (home, dashboard), kept
/// rendered with a marker where the time goes: when its fingerprint is unchanged, the next build
/// puts its own time in place of the marker instead of rendering the page again. The marker is
/// random letters and digits, so HTML escaping leaves it as is and no page content contains it.
public struct StampedTemplate: Sendable, Equatable {
    /// The page's fingerprint when it was rendered.
    public var key: String
    /// What stands where the build time goes.
    public var marker: String
    /// The rendered page with the marker in it.
    public var bytes: Data

    /// A stored template.
    public init(key: String, marker: String, bytes: Data) {
        self.key = key
        self.marker = marker
        self.bytes = bytes
    }

    /// A fresh marker.
    static func newMarker() -> String {
        "skillexstamp" + UUID().uuidString.lowercased().filter { $0 != "-" }
    }

    /// True when `stamp` reads the same escaped and unescaped (a timestamp), so a plain
    /// substitution gives exactly what rendering it would.
    static func canStamp(_ stamp: String) -> Bool {
        !stamp.isEmpty && stamp.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || ":.+-_ ".unicodeScalars.contains($0)
        }
    }

    /// The page with `stamp` in place of every marker.
    func filled(with stamp: String) -> Data {
        let marker = Array(self.marker.utf8)
        let stamp = Array(stamp.utf8)
        guard let first = marker.first else { return bytes }
        return bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data in
            var out = Data()
            out.reserveCapacity(raw.count)
            var index = 0
            var copied = 0
            while index + marker.count <= raw.count {
                if raw[index] == first, raw[index..<index + marker.count].elementsEqual(marker) {
                    out.append(contentsOf: raw[copied..<index])
                    out.append(contentsOf: stamp)
                    index += marker.count
                    copied = index
                } else {
                    index += 1
                }
            }
            out.append(contentsOf: raw[copied...])
            return out
        }
    }

    /// The stored form: key and marker lines, then the bytes.
    var encoded: Data { Data("\(key)\n\(marker)\n".utf8) + bytes }

    /// Reads the stored form; nil when it is not one.
    static func decode(_ data: Data) -> StampedTemplate? {
        let parts = data.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return StampedTemplate(
            key: String(decoding: parts[0], as: UTF8.self), marker: String(decoding: parts[1], as: UTF8.self),
            bytes: Data(parts[2]))
    }
}
