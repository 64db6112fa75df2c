// The product's name, as browser tabs and page titles show it.
export const PRODUCT_NAME = "Property dashboard";
