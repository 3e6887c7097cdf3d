public import Foundation
public import SkillEx

/// Sends new anomalies to the manifest's `anomaly` webhooks (`skillex events anomalies
/// --record`); a manifest that does not load or has no webhooks sends nothing, and a failed
/// delivery is a warning line, never a failure.
public enum AnomalyNotices {
    /// Sends each of `fresh` to the webhooks of the manifest at `manifestURL`.
    public static func send(
        _ fresh: [Anomaly], manifestURL: URL, environment: [String: String], warn: (String) -> Void
    ) async {
        guard !fresh.isEmpty, let manifest = try? ManifestStore.load(manifestURL),
            let hooks = try? WebhookSettings.from(manifest), !hooks.isEmpty
        else { return }
        let workspace = Workspace(manifest: manifestURL, environment: environment)
        let dispatcher = WebhookDispatcher(webhooks: hooks, workspace: workspace)
        for anomaly in fresh {
            let payload = JSONValue.object([
                "kind": .string(anomaly.kind), "time": .string(anomaly.time), "message": .string(anomaly.message),
                "value": .double(anomaly.value), "baseline": .double(anomaly.baseline),
                "repo": anomaly.repo.map(JSONValue.string) ?? .null, "skill": anomaly.skill.map(JSONValue.string) ?? .null,
            ])
            for result in await dispatcher.deliver(event: "anomaly", payload: payload) where result.status != .delivered {
                warn("skillex: warning: anomaly webhook to \(result.webhook) failed: \(result.error ?? result.status.rawValue)")
            }
        }
    }
}
