/**
 * @webcontainer/api behind a module of our own, so its chunk is named
 * webcontainer-api-*.js (easy to spot in the network panel and the size
 * report) and is only fetched by runtime.ts's dynamic import().
 */
export { WebContainer, configureAPIKey } from '@webcontainer/api';
