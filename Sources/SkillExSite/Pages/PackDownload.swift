import Foundation
import SkillEx

/// The latest pack, copied into the site's `downloads/` so its link works on any static host.
struct PackDownload {
    var source: URL
    var sitePath: String
    var sha256: String?
    /// The size the index records.
    var size: Int64?

    /// The pack as a file published unchanged, when the index records its SHA-256 and size and
    /// the file in `dist/` has that size.
    var linked: LinkedFile? {
        guard let sha256, sha256.utf8.count == 64, sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
            let size, let info = try? FileManager.default.attributesOfItem(atPath: source.path),
            (info[.size] as? NSNumber)?.int64Value == size
        else { return nil }
        return LinkedFile(path: source.path, sha256: sha256, size: size)
    }

    /// The version `latest` names, else the last listed.
    static func latestVersion(_ index: DistIndex) -> DistIndex.Version? {
        index.versions.first { $0.version == index.latest } ?? index.versions.last
    }

    /// The latest pack when its file is present in `dist/`.
    static func latest(_ input: SiteInput) -> PackDownload? {
        guard let index = input.packs, let pack = latestVersion(index)?.pack else { return nil }
        let source = input.workspace.distURL.appendingPathComponent(pack.file).standardizedFileURL
        guard source.path.hasPrefix(input.workspace.distURL.standardizedFileURL.path + "/"),
            FileManager.default.fileExists(atPath: source.path)
        else { return nil }
        return PackDownload(
            source: source, sitePath: "downloads/" + PathSegment.clean(source.lastPathComponent), sha256: pack.sha256,
            size: pack.size)
    }
}
