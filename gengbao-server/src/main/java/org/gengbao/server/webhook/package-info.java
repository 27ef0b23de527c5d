/**
 * Outbound webhooks shared by the modules that tell outside systems about their events (new clues, case deadline
 * reminders): a JSON notice POSTed on a background thread with retries ({@link org.gengbao.server.webhook.WebhookSender}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gengbao.server.webhook;
