"""The themes taxonomy of ../shared/domain.md, for tagging reviews, learning points, recommendations,
actions and risks. Plain data: the Theme table is filled from it by a migration."""

TAXONOMY = {
    "abuse": (
        "Abuse type",
        [
            "Neglect",
            "Physical abuse",
            "Sexual abuse",
            "Emotional abuse",
            "Child sexual exploitation",
            "Child criminal exploitation / county lines",
            "Extrafamilial harm",
            "Trafficking / modern slavery",
            "Fabricated or induced illness",
        ],
    ),
    "child": (
        "Child",
        [
            "Under-ones / babies",
            "Sudden unexpected death in infancy",
            "Looked-after children",
            "Care leavers",
            "Disabled children / SEND",
            "Adolescents",
            "Children missing from care, home or education",
            "Young carers",
            "Racial, ethnic and cultural identity",
            "Online harm / social media",
            "Mental health and self-harm",
            "Youth violence / knife crime",
        ],
    ),
    "family": (
        "Family",
        [
            "Domestic abuse",
            "Parental mental health",
            "Parental substance misuse",
            "Parenting capacity",
            "Whole-family approach",
            "Poverty",
            "Resistant / hard-to-engage parents",
            "Private fostering",
            "Special guardianship",
        ],
    ),
    "practice": (
        "Practice",
        [
            "Information sharing",
            "Multi-agency working",
            "Escalation and professional challenge",
            "Assessment and history",
            "Voice and lived experience of the child",
            "Professional curiosity and critical thinking",
            "Workforce turnover and capacity",
            "Supervision",
            "Case transfer",
            "Placement choice and matching",
            "School moves and transfer of records",
            "Police and children's social care roles",
            "Health assessments",
            "Thresholds",
            "Leadership and culture",
        ],
    ),
}


def ensure_themes(Theme):
    """Create any missing Theme rows (the migration does it; a flushed test database needs it again)."""
    position = 0
    for category, (_label, names) in TAXONOMY.items():
        for name in names:
            position += 1
            Theme.objects.update_or_create(name=name, defaults={"category": category, "position": position})
