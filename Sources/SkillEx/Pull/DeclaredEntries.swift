import Foundation

/// Checks a full pack's entries against the pack index it carries, before anything is written:
/// every file must be a file the index declares for one of its skills, of the declared size,
/// and may have an execute bit only when the index says `executable`. So a pack cannot install
/// a file outside every skill (which no skill checksum would cover) or make one executable.
enum DeclaredEntries {
    /// The pack index inside `reader`, after checking every other entry against it.
    static func check(_ reader: ZipReader, file: String) throws -> PackIndex {
        let data: Data?
        do { data = try reader.contents(named: PackIndex.fileName) } catch {
            throw PullError.badArchive(file: file, reason: error.description)
        }
        guard let data else { throw PullError.badArchive(file: file, reason: "no \(PackIndex.fileName)") }
        let index: PackIndex
        do { index = try PackIndex.decode(data) } catch {
            throw PullError.badArchive(
                file: file, reason: "unreadable \(PackIndex.fileName): \(ErrorText.decoding(error))")
        }
        var files: [ExactPath: PackIndex.File] = [:]
        var folders: Set<ExactPath> = []
        for skill in index.skills {
            let base = skill.path
            folders.insert(ExactPath(skill.repo))
            folders.insert(ExactPath(base))
            for declared in skill.files {
                files[ExactPath(base + "/" + declared.path)] = declared
                var folder = base
                for part in declared.path.split(separator: "/").dropLast() {
                    folder += "/" + part
                    folders.insert(ExactPath(folder))
                }
            }
        }
        let own = ExactPath(PackIndex.fileName)
        for entry in reader.entries {
            let exact = ExactPath(entry.name)
            if exact == own { continue }
            let name = ArchiveSafety.visible(entry.name)
            if entry.isDirectory {
                guard folders.contains(ExactPath(entry.name.dropLast())) else {
                    throw PullError.badArchive(file: file, reason: "folder \(name) is in no skill of \(PackIndex.fileName)")
                }
                continue
            }
            guard let declared = files[exact] else {
                throw PullError.badArchive(
                    file: file, reason: "entry \(name) is not a file of any skill in \(PackIndex.fileName)")
            }
            guard declared.size >= 0, entry.uncompressedSize == UInt64(declared.size) else {
                throw PullError.badArchive(
                    file: file,
                    reason: "entry \(name) unpacks to \(entry.uncompressedSize) bytes, "
                        + "\(PackIndex.fileName) says \(declared.size)")
            }
            if entry.isExecutable && declared.executable != true {
                throw PullError.badArchive(
                    file: file, reason: "entry \(name) has an execute bit \(PackIndex.fileName) does not declare")
            }
        }
        return index
    }
}
