public import Foundation
import SkillEx

extension FuzzEntryPoints {
    /// A pack as `skillex pull` reads it: central directory, the safety check of every name, each
    /// entry inflated and CRC-checked, the delta manifest and pack index decoded; then, when the
    /// safety check passed, the entries extracted into a scratch folder, which nothing may leave.
    public static func zip(_ data: Data) throws(FuzzViolation) {
        guard let reader = try? ZipReader(data: data, label: "fuzz.zip") else { return }
        for entry in reader.entries.prefix(64) {
            _ = try? reader.contents(of: entry)
        }
        if let manifest = try? reader.contents(named: DeltaManifest.fileName) {
            _ = try? JSONDecoder().decodeChecked(DeltaManifest.self, from: manifest)
        }
        if let index = try? reader.contents(named: PackIndex.fileName) {
            _ = try? PackIndex.decode(index)
        }
        guard (try? ArchiveSafety.check(reader.entries)) != nil else { return }
        try extractContained(reader)
    }

    /// Extracts into `<scratch>/target` and checks that `target` is the only thing in the
    /// scratch folder afterwards and holds no symbolic link.
    private static func extractContained(_ reader: ZipReader) throws(FuzzViolation) {
        let fm = FileManager.default
        let outer = scratchFolder()
        let target = outer.appendingPathComponent("target")
        defer { try? fm.removeItem(at: outer) }
        guard (try? fm.createDirectory(at: target, withIntermediateDirectories: true)) != nil else { return }
        try? TreeExtractor.extract(reader, into: target, file: "fuzz.zip")
        let beside = (try? fm.contentsOfDirectory(atPath: outer.path)) ?? []
        guard beside == ["target"] else {
            throw FuzzViolation(harness: "zip", detail: "extraction wrote beside its target: \(beside.sorted())")
        }
        let walker = fm.enumerator(at: target, includingPropertiesForKeys: [.isSymbolicLinkKey])
        while let url = walker?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true {
                throw FuzzViolation(harness: "zip", detail: "extraction made a symbolic link: \(url.lastPathComponent)")
            }
        }
    }
}
