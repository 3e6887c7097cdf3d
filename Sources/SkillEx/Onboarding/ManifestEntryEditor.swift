public import Foundation

/// Adds a repository entry to `manifest.json` text, changing nothing else: the entry is spliced
/// in after the last one, indented like its neighbours, so the file keeps its key order,
/// spacing and every field SkillEx does not know. A file it cannot splice (no `repositories`
/// array) is re-encoded by `ManifestStore` instead, which also keeps unknown fields.
public enum ManifestEntryEditor {
    /// What adding `entry` does to the manifest.
    public enum Outcome: Sendable, Equatable {
        /// The same entry (by name) is already listed.
        case present(RepositoryEntry)
        /// The manifest's new bytes.
        case added(Data)
    }

    /// The result of adding `entry` to the manifest `data` read from `path` (for messages).
    /// A repository with the same name but another path is an error: init never duplicates
    /// or silently repoints an entry.
    public static func add(_ entry: RepositoryEntry, to data: Data, path: String) throws(OnboardingError) -> Outcome {
        let manifest: Manifest
        do { manifest = try JSONDecoder().decodeChecked(Manifest.self, from: data) } catch {
            throw .unreadable(path: path, reason: "not a manifest: \(ErrorText.decoding(error))")
        }
        if let existing = manifest.repositories.first(where: { $0.name == entry.name }) {
            guard existing.path == entry.path else {
                throw .invalidAnswer(
                    question: "name",
                    reason: "\(path) already lists repository '\(entry.name)' at '\(existing.path)'; choose another name")
            }
            return .present(existing)
        }
        if let other = manifest.repositories.first(where: { $0.path == entry.path }) {
            throw .invalidAnswer(
                question: "name",
                reason: "\(path) already lists '\(entry.path)' as repository '\(other.name)'; run again with --name \(other.name)")
        }
        if let spliced = splice(entry, into: Array(data)), isValid(spliced, expecting: manifest.repositories.count + 1) {
            return .added(Data(spliced))
        }
        var updated = manifest
        updated.repositories.append(entry)
        do { return .added(try ManifestStore.encode(updated)) } catch {
            throw .unwritable(path: path, reason: ErrorText.brief(error))
        }
    }

    /// `bytes` with `entry` inserted at the end of the top-level `repositories` array, or nil.
    static func splice(_ entry: RepositoryEntry, into bytes: [UInt8]) -> [UInt8]? {
        guard let (keyStart, open) = repositoriesArray(in: bytes), let close = matchingClose(bytes, from: open) else { return nil }
        let keyIndent = indentation(of: keyStart, in: bytes)
        guard let rendered = try? JSONWriter.data(entry) else { return nil }
        var last = close - 1
        while last > open, isSpace(bytes[last]) { last -= 1 }
        let isEmpty = last == open
        let itemIndent: [UInt8]
        if isEmpty {
            itemIndent = keyIndent + Array("  ".utf8)
        } else {
            var first = open + 1
            while first < close, isSpace(bytes[first]) { first += 1 }
            itemIndent = indentation(of: first, in: bytes)
        }
        var lines = String(decoding: rendered, as: UTF8.self).split(separator: "\n").map { itemIndent + Array($0.utf8) }
        guard !lines.isEmpty else { return nil }
        var insertion: [UInt8] = isEmpty ? [] : Array(",".utf8)
        insertion += Array("\n".utf8)
        insertion += lines.removeFirst()
        for line in lines { insertion += Array("\n".utf8) + line }
        var out = Array(bytes[...last]) + insertion
        out += isEmpty ? Array("\n".utf8) + keyIndent : []
        if !isEmpty { out += Array("\n".utf8) + indentation(of: close, in: bytes) }
        out += bytes[close...]
        return out
    }

    /// The offset of the `"repositories"` key at the top level and of its array's `[`.
    private static func repositoriesArray(in bytes: [UInt8]) -> (Int, Int)? {
        var depth = 0
        var index = 0
        var expectKey = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(bytes, from: index) else { return nil }
                if depth == 1, expectKey, bytes[(index + 1)..<end].elementsEqual("repositories".utf8) {
                    var colon = end + 1
                    while colon < bytes.count, isSpace(bytes[colon]) { colon += 1 }
                    guard colon < bytes.count, bytes[colon] == UInt8(ascii: ":") else { return nil }
                    var value = colon + 1
                    while value < bytes.count, isSpace(bytes[value]) { value += 1 }
                    guard value < bytes.count, bytes[value] == UInt8(ascii: "[") else { return nil }
                    return (index, value)
                }
                expectKey = false
                index = end
            case UInt8(ascii: "{"): depth += 1; expectKey = depth == 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ","): expectKey = depth == 1
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The offset of the `]` closing the array opened at `open`.
    private static func matchingClose(_ bytes: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(bytes, from: index) else { return nil }
                index = end
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The offset of the quote closing the string that opens at `start`.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "\"") { return index }
            index += 1
        }
        return nil
    }

    /// The spaces and tabs that start the line holding `offset`.
    private static func indentation(of offset: Int, in bytes: [UInt8]) -> [UInt8] {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return Array(bytes[start..<offset].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func isValid(_ bytes: [UInt8], expecting count: Int) -> Bool {
        guard let manifest = try? JSONDecoder().decodeChecked(Manifest.self, from: Data(bytes)) else { return false }
        return manifest.repositories.count == count
    }
}
