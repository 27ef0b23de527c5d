/**
 * Outbound webhooks shared by the modules that tell outside systems about their events (new clues, case deadline
 * reminders): a transactional outbox ({@link org.gengbao.server.webhook.WebhookOutbox}, table {@code webhook_notice})
 * whose notices are written with their event and delivered in order, with retries that survive restarts, by one
 * thread per {@link org.gengbao.server.webhook.Webhook}; administrators see and retry them at {@code
 * /api/v1/webhooks}.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gengbao.server.webhook;
