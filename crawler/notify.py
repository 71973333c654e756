"""E-mail notifications through an SMTP server from the configuration (off by default)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from pathlib import Path

from crawler.config import SmtpSettings


def notify(smtp: SmtpSettings, subject: str, body: str, attachments: list[Path] | None = None) -> bool:
    """E-mail the brief or a failure summary (off by default). Never raises: returns success."""
    if not smtp.enabled or not smtp.recipients:
        return False
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = smtp.sender
    msg["To"] = ", ".join(smtp.recipients)
    msg.set_content(body)
    for path in attachments or []:
        if path.exists():
            subtype = "html" if path.suffix == ".html" else "octet-stream"
            maintype = "text" if subtype == "html" else "application"
            msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.username:
                client.login(smtp.username, smtp.password or "")
            client.send_message(msg)
    except (OSError, smtplib.SMTPException):
        return False
    return True
