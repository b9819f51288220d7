from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from plan_builder.forms import SignInForm
from plan_builder.views.session import settle_drafts_after_sign_in


class SignInView(auth_views.LoginView):
    """Django's sign-in, behind django-axes: repeated failures lock the account for a time."""

    authentication_form = SignInForm
    template_name = "plan_builder/sign_in.html"
    redirect_authenticated_user = True
    extra_context = {"page_title": _("Sign in to the plan builder")}

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        settle_drafts_after_sign_in(self.request)
        return response


class SignOutView(auth_views.LogoutView):
    next_page = "plan_builder:login"
