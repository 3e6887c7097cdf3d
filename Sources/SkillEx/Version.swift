public enum SkillExVersion { public static let current = "0.2.0" }
