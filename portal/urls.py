from django.urls import path

from portal.views import links, signing

app_name = "portal"

urlpatterns = [
    # A personal link: the token is exchanged for a session and leaves the address bar
    path("link/<str:token>/", links.OpenLinkView.as_view(), name="open"),
    path("portaal/", links.HomeView.as_view(), name="home"),
    path("portaal/afmelden/", links.LeaveView.as_view(), name="leave"),
    # The document the link holder signs (8.1.2)
    path("ondertekenen/", signing.SignView.as_view(), name="sign"),
]
