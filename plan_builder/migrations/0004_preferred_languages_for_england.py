from django.db import migrations, models

# Codes Django's full list offered, each mapped to the language on the new list it is. Every
# other stored code is kept as it is: the form still offers it for that person, and it is
# named as Django names it.
EARLIER_CODES = {
    "en-gb": "en",
    "en-au": "en",
    "es-ar": "es",
    "es-co": "es",
    "es-mx": "es",
    "es-ni": "es",
    "es-ve": "es",
    "pt-br": "pt",
    "ar-dz": "ar",
}


def map_earlier_codes(apps, schema_editor):
    Person = apps.get_model("plan_builder", "Person")
    for earlier, now in EARLIER_CODES.items():
        Person.objects.filter(preferred_language=earlier).update(preferred_language=now)


class Migration(migrations.Migration):
    dependencies = [
        ("plan_builder", "0003_team_public_name_and_phone"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="preferred_language_other",
            field=models.CharField(
                blank=True,
                help_text="The language they prefer, when it is not in the list.",
                max_length=100,
                verbose_name="another language",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="preferred_language",
            field=models.CharField(default="en", max_length=35, verbose_name="preferred language"),
        ),
        migrations.RunPython(map_earlier_codes, migrations.RunPython.noop),
    ]
