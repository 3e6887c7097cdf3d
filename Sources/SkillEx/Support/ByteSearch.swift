import Foundation

/// Byte lookups in a string's UTF-8 with `memchr` (the generic `utf8.contains` walks byte by byte).
enum ByteSearch {
    /// True when `text`'s UTF-8 contains `byte`.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        }
        return found ?? text.utf8.contains(byte)
    }
}
