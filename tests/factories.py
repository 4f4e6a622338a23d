import factory

from gebruikers.models import Gebruiker


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password("een-lang-testwachtwoord")
