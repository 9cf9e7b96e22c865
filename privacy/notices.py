"""Dutch texts the channels send when something on our side failed."""

STORE_FAILED_TEXT = (
    "Sorry, er ging bij ons iets mis: ik kon je bericht nu niet goed verwerken of bewaren. "
    "Probeer het over een paar minuten opnieuw."
)

# The assistant produced no reply at all: in Rasa that happens when the action server cannot be
# reached (it logs the error and waits for the next message). Said in every channel.
NO_REPLY_TEXT = (
    "Sorry, er ging aan onze kant iets mis en ik kan je nu geen antwoord geven. "
    "Probeer het over een paar minuten nog eens."
)
