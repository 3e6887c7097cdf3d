import Foundation
import SkillEx

/// Sends a scoring run's `rejected`/`approved` webhooks for the skills in `recorded` (every
/// skill when nil); a failed delivery is reported on stderr and never fails the command.
enum WebhookNotices {
    static func send(_ run: ScoreRun, recorded: Set<String>?, manifest: Manifest, workspace: Workspace) async {
        let notices = ScoreEvents.notifications(run, recorded: recorded)
        guard !notices.isEmpty else { return }
        let hooks: [WebhookSettings]
        do { hooks = try WebhookSettings.from(manifest) } catch {
            Terminal.err("skillex: warning: webhooks not sent: \(error.description)")
            return
        }
        guard !hooks.isEmpty else { return }
        let dispatcher = WebhookDispatcher(webhooks: hooks, workspace: workspace)
        for notice in notices {
            for result in await dispatcher.deliver(event: notice.event, payload: notice.payload) where result.status != "delivered" {
                Terminal.err("skillex: warning: webhook \(notice.event) to \(result.webhook) failed: \(result.error ?? result.status)")
            }
        }
    }
}
