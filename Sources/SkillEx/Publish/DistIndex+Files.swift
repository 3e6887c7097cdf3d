extension DistIndex {
    /// Every file the index names (packs, pack indexes, deltas), as (path, size, sha256).
    public var files: [DistIndex.Artifact] {
        versions.flatMap { version -> [DistIndex.Artifact] in
            [version.pack, version.index]
                + version.deltas.map { DistIndex.Artifact(file: $0.file, size: $0.size, sha256: $0.sha256) }
        }
    }
}
