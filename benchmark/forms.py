from django import forms

from benchmark.models import Iv3Bestand
from casussen.models import Fusieorganisatie, Gemeente


class BenchmarkForm(forms.Form):
    bestand = forms.ChoiceField(label="Jaar en document")
    fusieorganisatie = forms.ModelChoiceField(
        label="Markeer een fusieorganisatie",
        queryset=Fusieorganisatie.objects.filter(status=Fusieorganisatie.Status.ACTIEF),
        required=False,
        to_field_name="slug",
        empty_label="— geen —",
    )
    gemeenten = forms.ModelMultipleChoiceField(
        label="Markeer gemeenten",
        queryset=Gemeente.objects.filter(datum_opheffing__isnull=True),
        required=False,
        to_field_name="code",
        help_text="Houd Ctrl (of Cmd) ingedrukt om er meer te kiezen.",
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, bestanden: list[Iv3Bestand], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].choices = [
            (f"{b.jaar}-{b.document}", f"{b.get_document_display()} {b.jaar}") for b in bestanden
        ]

    def jaar_en_document(self) -> tuple[int, str]:
        jaar, document = self.cleaned_data["bestand"].split("-", 1)
        return int(jaar), document
