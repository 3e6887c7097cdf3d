import SkillEx
