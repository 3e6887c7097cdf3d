import Foundation
@testable import SkillEx

/// A zip written byte by byte (stored entries), so tests control names, modes and declared
/// sizes exactly, including what SkillEx's own writer never produces.
enum RawZip {
    struct Entry {
        var name: String
        var data: Data
        var mode: UInt32 = 0o100644
        /// Declared uncompressed size (default: the data's size).
        var declaredSize: UInt32?
    }

    static func build(_ entries: [Entry]) -> Data {
        var out = Data()
        var central = Data()
        func le16(_ value: Int, _ into: inout Data) { into.append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]) }
        func le32(_ value: UInt32, _ into: inout Data) { withUnsafeBytes(of: value.littleEndian) { into.append(contentsOf: $0) } }
        for entry in entries {
            let name = Data(entry.name.utf8)
            let crc = ZipCompressor.crc32(entry.data)
            let offset = UInt32(out.count)
            let size = UInt32(entry.data.count)
            le32(0x0403_4B50, &out)
            le16(20, &out); le16(0x0800, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(size, &out); le32(entry.declaredSize ?? size, &out)
            le16(name.count, &out); le16(0, &out)
            out.append(name)
            out.append(entry.data)
            le32(0x0201_4B50, &central)
            le16(0x031E, &central); le16(20, &central); le16(0x0800, &central); le16(0, &central)
            le16(0, &central); le16(0x21, &central)
            le32(crc, &central); le32(size, &central); le32(entry.declaredSize ?? size, &central)
            le16(name.count, &central); le16(0, &central); le16(0, &central); le16(0, &central); le16(0, &central)
            le32(entry.mode << 16, &central); le32(offset, &central)
            central.append(name)
        }
        let start = UInt32(out.count)
        let centralSize = UInt32(central.count)
        out.append(central)
        le32(0x0605_4B50, &out)
        le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
        le32(centralSize, &out); le32(start, &out); le16(0, &out)
        return out
    }
}
