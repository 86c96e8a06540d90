from django.http import HttpRequest

from internships.selectors.school import school_years


def navigation(request: HttpRequest) -> dict:
    """The school years to switch between, for signed-in staff only."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.school_id:
        return {}
    return {"school_years": school_years(request)}
