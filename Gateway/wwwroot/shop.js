// Switchboard Demo Store: catalog, cart in localStorage and the page renderers.
// Pages say which renderer they need with <body data-page="home|product|cart">.
'use strict';

// Simple silhouettes on a 100×100 grid; products are drawn as inline SVG, no image files.
const SHAPES = {
  tee: 'M30 15L42 10Q50 18 58 10L70 15L88 30L78 42L70 36V88H30V36L22 42L12 30Z',
  hoodie: 'M32 18Q50 2 68 18L84 28L92 78L80 80L72 42V90H28V42L20 80L8 78L16 28Z',
  jeans: 'M28 10H72L78 90H56L50 40L44 90H22Z',
  dress: 'M40 8H60L58 28L66 36L84 90H16L34 36L42 28Z',
  sneakers: 'M10 62L14 40L30 42Q40 52 54 50L70 56Q90 60 92 72V78H10Z',
  scarf: 'M30 10H70V30L58 40L62 90H48L46 42L30 30Z',
};

const CATALOG = [
  { id: 'linen-tee', name: 'Linen T-shirt', price: 1990, shape: 'tee', color: '#d9c7a7',
    description: 'Breathable washed linen, relaxed fit, natural sand colour. Sizes XS–XXL.' },
  { id: 'cloud-hoodie', name: 'Cloud hoodie', price: 4490, shape: 'hoodie', color: '#8ea3c8',
    description: 'Soft brushed-back cotton hoodie with a roomy hood and kangaroo pocket.' },
  { id: 'straight-jeans', name: 'Straight jeans', price: 5290, shape: 'jeans', color: '#3d5a80',
    description: 'Mid-rise straight leg in rigid indigo denim that softens with wear.' },
  { id: 'midi-dress', name: 'Midi wrap dress', price: 6990, shape: 'dress', color: '#c0504d',
    description: 'Fluid viscose wrap dress with a tie waist, cut to mid-calf.' },
  { id: 'city-sneakers', name: 'City sneakers', price: 7490, shape: 'sneakers', color: '#4f4f4f',
    description: 'Leather low-tops with a cushioned insole for all-day walking.' },
  { id: 'wool-scarf', name: 'Merino scarf', price: 2490, shape: 'scarf', color: '#6a994e',
    description: 'Fine merino wool, 180 × 30 cm, warm without the itch.' },
];

const CART_KEY = 'demo-shop:cart';
const rub = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });

const findProduct = (id) => CATALOG.find((p) => p.id === id);

// --- cart: [{id, qty}] in localStorage ---
function readCart() {
  try {
    const items = JSON.parse(localStorage.getItem(CART_KEY) || '[]');
    return Array.isArray(items) ? items.filter((i) => findProduct(i.id) && i.qty > 0) : [];
  } catch {
    return [];
  }
}

function writeCart(items) {
  localStorage.setItem(CART_KEY, JSON.stringify(items));
  updateCartCount();
  reportCart();
}

function addToCart(id) {
  const items = readCart();
  const line = items.find((i) => i.id === id);
  if (line) line.qty += 1; else items.push({ id, qty: 1 });
  writeCart(items);
}

function removeFromCart(id) {
  writeCart(readCart().filter((i) => i.id !== id));
}

// Tells the chat widget what is in the cart, so operators see it. The widget loads async: until it has
// started, the call waits in window.SwitchboardQueue, which the widget runs first (see the top of widget.js).
function reportCart() {
  const items = readCart().map(({ id, qty }) => {
    const product = findProduct(id);
    return { sku: product.id, name: product.name, qty, price: product.price };
  });
  const cart = { items, total: items.reduce((sum, i) => sum + i.price * i.qty, 0), currency: 'RUB' };
  if (window.Switchboard) window.Switchboard.cart(cart);
  else (window.SwitchboardQueue ||= []).push(['cart', cart]);
}

function updateCartCount() {
  const count = readCart().reduce((sum, i) => sum + i.qty, 0);
  document.querySelectorAll('[data-cart-count]').forEach((el) => { el.textContent = String(count); });
}

// --- small DOM helpers (text always via textContent) ---
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function productImage(product) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 100 100');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', product.name);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', SHAPES[product.shape]);
  path.setAttribute('fill', product.color);
  svg.append(path);
  const frame = el('div', 'product-image');
  frame.append(svg);
  return frame;
}

// --- pages ---
function renderHome(main) {
  const grid = el('div', 'grid');
  for (const product of CATALOG) {
    const card = el('a', 'card');
    card.href = `/product/${encodeURIComponent(product.id)}`;
    card.append(productImage(product), el('h3', '', product.name), el('p', 'price', rub.format(product.price)));
    grid.append(card);
  }
  main.append(grid);
}

function renderProduct(main) {
  const id = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  const product = findProduct(id);
  if (!product) {
    main.append(el('h1', '', 'Product not found'), backLink());
    return;
  }
  document.title = `${product.name} · Switchboard Demo Store`;
  const info = el('div', 'product-info');
  const button = el('button', 'button', 'Add to cart');
  const note = el('p', 'note');
  button.type = 'button';
  button.addEventListener('click', () => {
    addToCart(product.id);
    note.textContent = `${product.name} added to your cart.`;
  });
  info.append(el('h1', '', product.name), el('p', 'price', rub.format(product.price)),
    el('p', 'description', product.description), button, note, backLink());
  const page = el('div', 'product');
  page.append(productImage(product), info);
  main.append(page);
}

function renderCart(main) {
  main.replaceChildren(el('h1', '', 'Your cart'));
  const items = readCart();
  if (items.length === 0) {
    main.append(el('p', 'note', 'Your cart is empty.'), backLink());
    return;
  }
  const list = el('ul', 'cart-list');
  let total = 0;
  for (const { id, qty } of items) {
    const product = findProduct(id);
    total += product.price * qty;
    const row = el('li', 'cart-row');
    const remove = el('button', 'link-button', 'Remove');
    remove.type = 'button';
    remove.addEventListener('click', () => { removeFromCart(id); renderCart(main); });
    row.append(productImage(product), el('span', 'cart-name', product.name), el('span', 'cart-qty', `× ${qty}`),
      el('span', 'price', rub.format(product.price * qty)), remove);
    list.append(row);
  }
  main.append(list, el('p', 'cart-total', `Total: ${rub.format(total)}`), backLink());
}

function backLink() {
  const link = el('a', 'back', '← Continue shopping');
  link.href = '/';
  return link;
}

const PAGES = { home: renderHome, product: renderProduct, cart: renderCart };

document.addEventListener('DOMContentLoaded', () => {
  const render = PAGES[document.body.dataset.page];
  if (render) render(document.querySelector('main'));
  updateCartCount();
  reportCart();
});
// Another tab changed the cart.
window.addEventListener('storage', (e) => {
  if (e.key !== CART_KEY) return;
  updateCartCount();
  reportCart();
});
