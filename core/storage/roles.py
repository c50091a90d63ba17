"""The roles of a team server, without loading the database layer (the parser needs them)."""

CONSULTANT, TEAMLEIDER, BEHEERDER = "consultant", "teamleider", "beheerder"
ROLES = {
    CONSULTANT: "blauwemap_consultant",
    TEAMLEIDER: "blauwemap_teamleider",
    BEHEERDER: "blauwemap_beheerder",
}
