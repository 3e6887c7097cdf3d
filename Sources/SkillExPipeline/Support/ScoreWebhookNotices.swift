import SkillEx

/// Sends a scoring run's `rejected`/`approved` webhooks for the skills in `recorded` (every
/// skill when nil); a failed delivery becomes a warning and never fails the job.
enum ScoreWebhookNotices {
    static func send(_ run: ScoreRun, recorded: Set<String>?, manifest: Manifest, context: JobContext) async {
        let notices = ScoreEvents.notifications(run, recorded: recorded)
        guard !notices.isEmpty else { return }
        let hooks: [WebhookSettings]
        do { hooks = try WebhookSettings.from(manifest) } catch {
            context.warn("skillex: warning: webhooks not sent: \(error.description)")
            return
        }
        guard !hooks.isEmpty else { return }
        let dispatcher = WebhookDispatcher(webhooks: hooks, workspace: context.workspace)
        for notice in notices {
            for result in await dispatcher.deliver(event: notice.event, payload: notice.payload)
            where result.status != .delivered {
                context.warn(
                    "skillex: warning: webhook \(notice.event) to \(result.webhook) failed: "
                        + (result.error ?? result.status.rawValue))
            }
        }
    }
}
