/// The telemetry a packaging run emits: `packaged` for each skill the pack adds or changes, then
/// the run's `packaged` with the throughput measurements `skillex metrics` reads (`skills`,
/// `bytes`, `duration_ms`) and how many skills it carried over unchanged; or `failed`.
public enum PackageEvents {
    /// Emits the events of a successful pack. `previous` holds the checksums (by `repo/skill`)
    /// of the pack before it: a skill packed there with the same checksum logs nothing of its
    /// own. Without one, every skill is new.
    public static func packed(
        _ result: PackResult, skills: [SkillEntry] = [], previous: [String: String]? = nil, durationMs: Double,
        on telemetry: Telemetry
    ) {
        var logged = 0
        for skill in skills where previous?["\(skill.sourceRepo)/\(skill.name)"] != skill.checksum {
            logged += 1
            telemetry.emit(Event(
                type: .packaged, repo: skill.sourceRepo, skill: skill.name,
                metadata: ["command": "package", "version": result.version, "checksum": skill.checksum]))
        }
        var measurements: [String: Double] = [
            "skills": Double(result.skills), "files": Double(result.files), "bytes": Double(result.bytes),
            "pack_bytes": Double(result.pack.size), "duration_ms": durationMs,
            "changed": Double(logged), "unchanged": Double(skills.count - logged),
        ]
        if let delta = result.delta { measurements["delta_bytes"] = Double(delta.artifact.size) }
        telemetry.emit(Event(
            type: .packaged, scope: .run, measurements: measurements,
            metadata: ["command": "package", "version": result.version, "strategy": result.strategy]))
        telemetry.flush()
    }

    /// Emits the run's `failed` event.
    public static func failed(_ error: any Error, on telemetry: Telemetry) {
        telemetry.emit(Event(
            type: .failed, scope: .run, metadata: ["command": "package"],
            error: EventError(reason: "package_failed", message: ErrorText.brief(error))))
        telemetry.flush()
    }
}
