import Foundation

/// The CI snippets `skillex init` writes: on pull/merge requests they validate and score the
/// skills; on the main branch they also package them and publish the pack when
/// `SKILLEX_PUBLISH_TO` is set. Every step uses `--format json` (kept as `skillex-*.json`
/// artifacts) and fails on skillex's exit status (1 a check failed, 2 bad input).
public enum CITemplates {
    /// The branch that publishes.
    public static let mainBranch = "main"
    /// The Swift image that builds skillex.
    public static let swiftImage = "swift:6.1"

    /// Shell lines that build skillex from source into /tmp/skillex/.build/release.
    static let installLines = [
        "apt-get update -qq",
        "apt-get install -y -qq git pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev zlib1g-dev",
        "git clone --depth 1 \"$SKILLEX_SOURCE\" /tmp/skillex",
        "swift build -c release --package-path /tmp/skillex",
    ]

    /// Shell lines that validate, then sync and score the skills in a scratch hub (.skillex-ci/).
    static let checkLines = [
        "scripts/validate_skills.sh --format json > skillex-validate.json",
        "mkdir -p .skillex-ci",
        "printf '{\"version\": 1, \"repositories\": [{\"name\": \"%s\", \"path\": \"..\", \"skills_dir\": \"%s\"}]}\\n' \"$SKILLEX_REPO_NAME\" \"$SKILLEX_SKILLS_DIR\" > .skillex-ci/manifest.json",
        "skillex sync --manifest .skillex-ci/manifest.json --format json > skillex-sync.json",
        "skillex score --manifest .skillex-ci/manifest.json --format json > skillex-score.json",
    ]

    /// Shell lines that package the scored skills and publish them when a destination is set.
    static let publishLines = [
        "skillex package --manifest .skillex-ci/manifest.json --format json > skillex-package.json",
        "if [ -n \"${SKILLEX_PUBLISH_TO:-}\" ]; then skillex publish --manifest .skillex-ci/manifest.json --to \"$SKILLEX_PUBLISH_TO\" --format json > skillex-publish.json; else echo \"SKILLEX_PUBLISH_TO is not set: packaged, not published\"; fi",
    ]

    /// Prints each `skillex-*.json` result so a failed job shows why.
    static let showLine = "for f in skillex-*.json; do if [ -f \"$f\" ]; then echo \"== $f\"; cat \"$f\"; fi; done"

    /// The header comment of every snippet.
    static func header(_ what: String) -> String {
        """
        # \(what) for this repository's Agent Skills, written by `skillex init`.
        # Pull and merge requests: validate and score the skills. The main branch: also package them and
        # publish the pack when SKILLEX_PUBLISH_TO is set (s3://bucket/prefix or a folder).
        """
    }

    /// `.github/workflows/skillex.yml`.
    public static func github(name: String, skillsDir: String) -> String {
        """
        \(header("GitHub Actions workflow"))
        name: skills
        on:
          pull_request:
          push:
            branches: [\(mainBranch)]
        permissions:
          contents: read
        env:
          SKILLEX_REPO_NAME: \(OnboardingRules.yamlQuoted(name))
          SKILLEX_SKILLS_DIR: \(OnboardingRules.yamlQuoted(skillsDir))
          SKILLEX_SOURCE: \(OnboardingRules.yamlQuoted(ScaffoldTemplates.sourceURL))
        jobs:
          skills:
            runs-on: ubuntu-latest
            container: \(swiftImage)
            steps:
              - uses: actions/checkout@v5
              - name: Install skillex
                run: |
        \(block(installLines + ["echo /tmp/skillex/.build/release >> \"$GITHUB_PATH\""], indent: 10))
              - name: Validate and score skills
                run: |
        \(block(checkLines, indent: 10))
              - name: Package and publish
                if: github.event_name == 'push' && github.ref == 'refs/heads/\(mainBranch)'
                env:
                  SKILLEX_PUBLISH_TO: ${{ vars.SKILLEX_PUBLISH_TO }}
                  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
                  AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
                  AWS_REGION: ${{ vars.AWS_REGION }}
                run: |
        \(block(publishLines, indent: 10))
              - name: Show results
                if: always()
                run: \(showLine)
              - uses: actions/upload-artifact@v6
                if: always()
                with:
                  name: skillex-results
                  path: skillex-*.json
                  if-no-files-found: ignore

        """
    }

    /// The jobs block for `.gitlab-ci.yml` (placed between `MarkedSection.yaml` markers).
    public static func gitlab(name: String, skillsDir: String) -> String {
        """
        \(header("GitLab CI jobs"))
        # The jobs use GitLab's default stages, test and deploy: keep both if you list your own `stages:`.
        .skillex-base:
          image: \(swiftImage)
          variables:
            SKILLEX_REPO_NAME: \(OnboardingRules.yamlQuoted(name))
            SKILLEX_SKILLS_DIR: \(OnboardingRules.yamlQuoted(skillsDir))
            SKILLEX_SOURCE: \(OnboardingRules.yamlQuoted(ScaffoldTemplates.sourceURL))
          before_script:
            - |
        \(block(installLines + ["export PATH=\"/tmp/skillex/.build/release:$PATH\""], indent: 6))
          after_script:
            - \(OnboardingRules.yamlQuoted(showLine))
          artifacts:
            when: always
            paths:
              - skillex-*.json

        skillex-check:
          extends: .skillex-base
          stage: test
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
          script:
            - |
        \(block(checkLines, indent: 6))

        skillex-publish:
          extends: .skillex-base
          stage: deploy
          rules:
            - if: $CI_COMMIT_BRANCH == "\(mainBranch)"
          script:
            - |
        \(block(checkLines + publishLines, indent: 6))
        """
    }

    /// Buildkite interpolates `$VAR` when the pipeline is uploaded; `$$` leaves it to the step's shell.
    static func buildkiteCommand(_ lines: [String]) -> String {
        block(lines, indent: 6).replacingOccurrences(of: "$", with: "$$")
    }

    /// A Buildkite pipeline (`.buildkite/pipeline.yml`, or `.buildkite/skillex.yml` beside an
    /// existing pipeline, uploaded from it with `buildkite-agent pipeline upload`).
    public static func buildkite(name: String, skillsDir: String) -> String {
        """
        \(header("Buildkite steps"))
        env:
          SKILLEX_REPO_NAME: \(OnboardingRules.yamlQuoted(name))
          SKILLEX_SKILLS_DIR: \(OnboardingRules.yamlQuoted(skillsDir))
          SKILLEX_SOURCE: \(OnboardingRules.yamlQuoted(ScaffoldTemplates.sourceURL))
        steps:
          - label: ":mag: Validate and score skills"
            key: skillex-check
            if: build.branch != "\(mainBranch)"
            command: |
        \(buildkiteCommand(installLines + ["export PATH=\"/tmp/skillex/.build/release:$PATH\""] + checkLines))
            artifact_paths: "skillex-*.json"
            plugins:
              - docker#v5.12.0:
                  image: \(OnboardingRules.yamlQuoted(swiftImage))
                  propagate-environment: true
          - label: ":package: Validate, score and publish skills"
            key: skillex-publish
            if: build.branch == "\(mainBranch)"
            command: |
        \(buildkiteCommand(installLines + ["export PATH=\"/tmp/skillex/.build/release:$PATH\""] + checkLines + publishLines))
            artifact_paths: "skillex-*.json"
            plugins:
              - docker#v5.12.0:
                  image: \(OnboardingRules.yamlQuoted(swiftImage))
                  propagate-environment: true

        """
    }

    /// `lines` as the body of a YAML literal block, each indented by `indent` spaces; `set -e`
    /// first so any failing command fails the step.
    static func block(_ lines: [String], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return (["set -e"] + lines).map { pad + $0 }.joined(separator: "\n")
    }
}
