"""Reading a FHIR bundle in the tests: its resources by type, its references, and validating
it entry by entry with the `fhir.resources` R4B models."""

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle


def resources_of(bundle: dict, resource_type: str) -> list[dict]:
    return [
        entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == resource_type
    ]


def references(value) -> list[str]:
    """Every `reference` anywhere inside a resource."""
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [ref for item in value.values() for ref in references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in references(item)]
    return []


def validate(bundle: dict) -> None:
    """Parse the bundle back as R4B, and each entry by its own R4B model."""
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def only(bundle: dict, resource_type: str) -> dict:
    (resource,) = resources_of(bundle, resource_type)
    return resource


def by_url(bundle: dict) -> dict[str, dict]:
    return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}
