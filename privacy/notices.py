"""Dutch texts the channels send when something on our side failed."""

STORE_FAILED_TEXT = (
    "Sorry, er ging bij ons iets mis: ik kon je bericht nu niet goed verwerken of bewaren. "
    "Probeer het over een paar minuten opnieuw."
)
