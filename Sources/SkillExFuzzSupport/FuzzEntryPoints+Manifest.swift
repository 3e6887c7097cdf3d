public import Foundation
import SkillEx

extension FuzzEntryPoints {
    /// `manifest.json` bytes through the decoder and its checks; a manifest that reads must
    /// survive a save and a re-read unchanged, kept fields included (nothing lost).
    public static func manifest(_ data: Data) throws(FuzzViolation) {
        guard let manifest = try? ManifestStore.decode(data, path: "manifest.json") else { return }
        let again: Manifest
        do {
            again = try ManifestStore.decode(try ManifestStore.encode(manifest), path: "manifest.json")
        } catch {
            throw FuzzViolation(harness: "manifest", detail: "a manifest that reads does not save and re-read: \(error)")
        }
        guard again == manifest else {
            throw FuzzViolation(harness: "manifest", detail: "a save and re-read changed the manifest")
        }
    }
}
