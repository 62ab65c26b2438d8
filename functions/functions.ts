/**
 * Excel custom functions, namespace CONTRACT (manifest.xml): the entry of functions.js. The functions live by
 * domain in the modules below (each with the JSDoc Excel shows in autocomplete; custom-functions-metadata reads
 * them all, webpack.config.js). Each takes whole ranges in any argument and spills a result of the same shape;
 * errors land only in the elements that fail. Nothing here touches the DOM or Office at load time: only
 * CustomFunctions.associate runs, and the API is published for the task pane (./contract-api).
 */
export * from './salary';
export * from './stipends';
export * from './terms';
export * from './pay';
export * from './costing';
export * from './lists';
export { MAX_DISTINCT_ROWS } from './adapter';
export { api } from './contract-api';
