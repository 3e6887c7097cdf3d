/// The manifest's `site` section.
public struct SiteSettings: Sendable, Codable, Equatable {
    /// The site's title.
    public var title: String?
    /// Where readers send roadmap feedback.
    public var feedbackURL: String?
    /// The cookbook folder, relative to the manifest; `docs/cookbook` when absent.
    public var cookbookDir: String?

    enum CodingKeys: String, CodingKey {
        case title, feedbackURL = "feedback_url", cookbookDir = "cookbook_dir"
    }

    /// Settings with every field absent.
    public init(title: String? = nil, feedbackURL: String? = nil, cookbookDir: String? = nil) {
        self.title = title
        self.feedbackURL = feedbackURL
        self.cookbookDir = cookbookDir
    }
}
