from django.db import models


class Leaflet(models.Model):
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    url = models.URLField()
    is_published = models.BooleanField(default=True)

    class Meta:
        verbose_name = "leaflet"

    def __str__(self):
        return self.title
