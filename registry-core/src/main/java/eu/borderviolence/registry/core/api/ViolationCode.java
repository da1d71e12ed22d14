package eu.borderviolence.registry.core.api;

/**
 * The controlled vocabulary of violations. The constant names are the stable codes stored in events and used in
 * filters and figures: never rename or remove one; add new ones at the end.
 */
public enum ViolationCode {
    BEATING("Beating"),
    KICKING("Kicking"),
    BATON_BLOWS("Blows with batons"),
    DOG_ATTACK("Dog attack"),
    FORCED_UNDRESSING("Forced undressing"),
    THEFT_OF_MONEY("Theft of money"),
    THEFT_OF_PHONES("Theft of phones"),
    THEFT_OF_CLOTHES_OR_SHOES("Theft of clothes or shoes"),
    DESTRUCTION_OF_PHONES("Destruction of phones"),
    DESTRUCTION_OF_BELONGINGS("Destruction of belongings"),
    BURNING_OF_BELONGINGS("Burning of belongings"),
    PEPPER_SPRAY("Pepper spray"),
    ELECTRIC_SHOCK("Electric shock"),
    FIREARM_DISCHARGE("Firearm discharge"),
    WATER_IMMERSION("Water immersion"),
    HUMILIATION("Humiliation"),
    VERBAL_ABUSE("Verbal abuse"),
    SEXUAL_VIOLENCE("Sexual violence"),
    DETENTION_WITHOUT_FOOD_OR_WATER("Detention without food or water"),
    DENIAL_OF_ASYLUM_REQUEST("Denial of an asylum request"),
    NO_INTERPRETER("No interpreter"),
    FORCED_SIGNATURE("Forced signature"),
    FORCED_TRANSFER("Forced transfer to a camp or detention"),
    SERIOUS_INJURY("Serious injury"),
    DEATH("Death");

    private final String label;

    ViolationCode(String label) {
        this.label = label;
    }

    /** The English label used in human-readable summaries and reports. */
    public String label() {
        return label;
    }
}
