"""The one custom action of the floor bot: answer with one sentence, change nothing."""

from rasa_sdk import Action


class ActionAntwoord(Action):
    def name(self) -> str:
        return "action_antwoord"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="Dit is het antwoord.")
        return []
