from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.sign_in_code, name="sign_in_code"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("tokens/legacy/remove/", views.remove_legacy_token, name="remove_legacy_token"),
    path("password/", views.password, name="password"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("notifications/", views.notifications, name="notifications"),
    path(
        "notifications/<int:notification_id>/dismiss/",
        views.dismiss_notification,
        name="dismiss_notification",
    ),
    path(
        "notifications/dismiss-all/",
        views.dismiss_all_notifications,
        name="dismiss_all_notifications",
    ),
    path("notifications/settings/", views.notification_settings, name="notification_settings"),
]
