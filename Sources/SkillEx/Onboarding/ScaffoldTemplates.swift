/// The repository files `skillex init` writes that are not CI configuration: the validator
/// script and the first skill.
public enum ScaffoldTemplates {
    /// Where skillex's source lives, for install instructions; overridable in the script.
    public static let sourceURL = "https://github.com/skillex/skillex"

    /// `scripts/validate_skills.sh`: runs `skillex validate` on the skills folder (extra
    /// arguments, such as `--format json` or `--strict`, are passed on); when skillex is not
    /// installed it says how to install it and exits 127.
    public static func validatorScript(skillsDir: String) -> String {
        """
        #!/bin/sh
        # Checks this repository's Agent Skills against the specification with SkillEx.
        # Written by `skillex init`; edit freely (a re-run asks before replacing your changes).
        # Usage: scripts/validate_skills.sh [--format json] [--strict]
        # Exit status: 0 every skill is valid, 1 a skill is invalid, 127 skillex is missing.
        set -eu
        cd "$(dirname "$0")/.."
        SKILLS_DIR='\(skillsDir)'
        SKILLEX="${SKILLEX:-skillex}"
        if ! command -v "$SKILLEX" >/dev/null 2>&1; then
          cat >&2 <<'HOWTO'
        validate_skills.sh: skillex is not installed (or not on PATH).
        Install it (Swift 6.1+ and Debian's libcmark-gfm-dev libcmark-gfm-extensions-dev
        libssl-dev zlib1g-dev):
            git clone --depth 1 \(sourceURL) skillex-src
            swift build -c release --package-path skillex-src
            export PATH="$PWD/skillex-src/.build/release:$PATH"
        or set SKILLEX=/path/to/skillex.
        HOWTO
          exit 127
        fi
        if [ ! -d "$SKILLS_DIR" ]; then
          echo "validate_skills.sh: skills folder '$SKILLS_DIR' does not exist" >&2
          exit 1
        fi
        exec "$SKILLEX" validate "$@" "$SKILLS_DIR"

        """
    }

    /// A first SKILL.md that passes `skillex validate` and scores well: a "when to use"
    /// section, numbered steps and a confirmation before anything irreversible.
    public static func skill(name: String, description: String) -> String {
        let title = name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return """
            ---
            name: \(name)
            description: \(OnboardingRules.yamlQuoted(Trim.whitespacesAndNewlines(description)))
            ---

            # \(title)

            \(MarkdownText.escaped(Trim.whitespacesAndNewlines(description)))

            ## When to use

            Use this skill when the request matches the description above. If it does not,
            say so and stop rather than guessing.

            ## Steps

            1. Restate the task in one sentence and list what you need from the user.
            2. Gather the inputs: read the files or output the user points to.
            3. Do the work in small, checkable steps and show the result of each.
            4. Before changing anything that cannot be undone, ask the user to confirm.
            5. Finish with a short summary of what changed and what to check next.

            ## Notes

            Replace these generic steps with the real procedure, then run
            `scripts/validate_skills.sh` to check the skill against the specification.

            """
    }
}
