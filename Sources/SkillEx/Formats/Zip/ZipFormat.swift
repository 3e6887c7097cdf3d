public import Foundation

/// Constants and small encoders for the ZIP format (APPNOTE 6.3.x) as SkillEx writes and reads it.
enum ZipFormat {
    static let localHeaderSignature: UInt32 = 0x0403_4b50
    static let centralHeaderSignature: UInt32 = 0x0201_4b50
    static let endSignature: UInt32 = 0x0605_4b50
    static let zip64EndSignature: UInt32 = 0x0606_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let zip64ExtraID: UInt16 = 0x0001
    /// Host system "Unix" in the high byte of "version made by".
    static let unixHost: UInt16 = 3 << 8
    /// Version 2.0: deflate, folders.
    static let versionDeflate: UInt16 = 20
    /// Version 4.5: ZIP64.
    static let versionZip64: UInt16 = 45
    /// General-purpose flag bit 11: names are UTF-8.
    static let utf8Flag: UInt16 = 0x0800
    /// Stored (no compression).
    static let methodStored: UInt16 = 0
    /// Deflate.
    static let methodDeflate: UInt16 = 8
    /// Largest value of a 16-bit field before ZIP64 takes over.
    static let max16: UInt64 = 0xFFFF
    /// Largest value of a 32-bit field before ZIP64 takes over.
    static let max32: UInt64 = 0xFFFF_FFFF
}

/// An MS-DOS date and time pair as stored in ZIP headers (2-second resolution, 1980–2107).
public struct DOSTimestamp: Sendable, Equatable {
    /// Packed time: hours << 11 | minutes << 5 | seconds / 2.
    public var time: UInt16
    /// Packed date: (year - 1980) << 9 | month << 5 | day.
    public var date: UInt16

    /// 1980-01-01 00:00:00, the earliest DOS time and the default for packs.
    public static let epoch = DOSTimestamp(time: 0, date: (1 << 5) | 1)

    /// A timestamp from raw fields.
    public init(time: UInt16, date: UInt16) {
        self.time = time
        self.date = date
    }

    /// The UTC calendar time of `instant`, clamped to the DOS range.
    public init(_ instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let year = parts.year ?? 1980
        if year < 1980 {
            self = .epoch
            return
        }
        if year > 2107 {
            self = DOSTimestamp(time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31)
            return
        }
        let hour = UInt16(parts.hour ?? 0), minute = UInt16(parts.minute ?? 0)
        let second = UInt16(parts.second ?? 0)
        time = (hour << 11) | (minute << 5) | (second / 2)
        date = (UInt16(year - 1980) << 9) | (UInt16(parts.month ?? 1) << 5) | UInt16(parts.day ?? 1)
    }
}

/// Appends little-endian integers and bytes to a growing buffer.
struct ByteBuffer {
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func append<S: Sequence>(_ other: S) where S.Element == UInt8 { bytes.append(contentsOf: other) }
}
